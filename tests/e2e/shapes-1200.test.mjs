// Stories of every shape at 1200 px (the checks are in shapes.mjs).
import { shapesAt } from './shapes.mjs';

shapesAt(1200);
