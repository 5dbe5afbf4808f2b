// The API bundle also carries the migration runner and the token minter, so a
// production image can run `node dist/apps/api/migrate.js` (or token.js)
// without TypeScript tooling.
const path = require('path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    migrate: path.resolve(__dirname, '../../libs/domain/src/database/migrate.ts'),
    token: path.resolve(__dirname, '../../scripts/token.ts'),
  },
  output: {
    ...options.output,
    filename: path.join(path.dirname(options.output.filename), '[name].js'),
  },
});
