// Stories of every shape at 375 px (the checks are in shapes.mjs).
import { shapesAt } from './shapes.mjs';

shapesAt(375);
