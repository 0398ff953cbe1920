// Jest applies no moduleNameMapper to global set-up modules: resolve the workspace aliases
// (@banli/*) to their TypeScript sources here, which Jest's transform then compiles.
import * as path from 'node:path';
import { register } from 'tsconfig-paths';
const { compilerOptions } = require('../../tsconfig.base.json');

register({ baseUrl: path.resolve(__dirname, '../..'), paths: compilerOptions.paths });
