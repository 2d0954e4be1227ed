// Reviewer workflow: fingerprints, decisions and their merge with a new scan, the store kept in the
// workbook, the 审核意见表 and the batch report.
export * from './fingerprint';
export * from './decisions';
export * from './store';
export * from './review-sheet';
export * from './batch-report';
export * from './edits';
export * from './fit';
