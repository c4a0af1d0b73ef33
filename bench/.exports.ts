import * as d from '../src/detect/index.js';
console.log(Object.keys(d).sort().join(', '));
