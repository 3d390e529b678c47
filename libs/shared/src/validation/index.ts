// Names, formats and their zod schemas (spec/data-model.md §1, web-ui.md §0): pure, browser-safe.
export * from './validation-result';
export * from './repository-names';
export * from './account-names';
export * from './schemas';
