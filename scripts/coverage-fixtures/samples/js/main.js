import { classify } from './src/math.js';
import { greet } from './src/with space/grüße.js';
import './src/constants.js';

console.log(classify(5), classify(-1), greet('Welt'));
