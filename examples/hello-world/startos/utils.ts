/** The port the web interface listens on inside the container. */
export const uiPort = 8080
