#!/usr/bin/env node
'use strict'
require('../dist/runtime/main.js').runMain()
