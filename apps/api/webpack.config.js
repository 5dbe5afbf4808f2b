// The API bundle also carries the migration runner, so a production image can
// run `node dist/apps/api/migrate.js` without TypeScript tooling.
const path = require('path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    migrate: path.resolve(__dirname, '../../libs/domain/src/database/migrate.ts'),
  },
  output: {
    ...options.output,
    filename: path.join(path.dirname(options.output.filename), '[name].js'),
  },
});
