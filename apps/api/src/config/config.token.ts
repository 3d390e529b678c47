/** DI token of the validated `GroveConfig`. */
export const GROVE_CONFIG = Symbol('GROVE_CONFIG');
