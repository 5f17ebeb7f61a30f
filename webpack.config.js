/**
 * Production builds: the task pane for Office (dist/addin/) and, with --env demo, the demo page
 * that runs the same pane on a simulated workbook (dist/demo/).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { baseUrlFrom, manifestFor } = require('./scripts/manifest');

/**
 * HTTPS for `npm start`: the Office development certificates (trusted by Office once installed);
 * where they cannot be installed (no administrator rights), a self-signed one the browser must accept.
 */
async function devServerHttps() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (e) {
    console.warn(`Office development certificates unavailable (${e.message.split('\n')[0]}); using a self-signed certificate.`);
    return { type: 'https' };
  }
}

/** The manifest served from ADDIN_BASE_URL (the development server when unset, said loudly). */
function manifestPattern() {
  const { base, development } = baseUrlFrom();
  if (development) console.warn(`manifest.xml points at ${base}, for development only: set ADDIN_BASE_URL=https://… to the address staff load the add-in from (docs/cai-dat.md).`);
  return { from: 'manifest.xml', transform: (content) => manifestFor(content.toString('utf8'), base) };
}

module.exports = async (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  // The engine's Web Worker has a fixed name: the pane loads it by that name (engine-client.ts).
  entry: env.demo ? { demo: './src/demo/index.tsx', 'engine-worker': './src/taskpane/engine-worker.ts' } : { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts', 'engine-worker': './src/taskpane/engine-worker.ts' },
  // The engine in the pane's own thread (no workers) is a chunk loaded on demand: the pane and the
  // ribbon's commands share it, and neither carries it in its own bundle.
  output: { path: path.resolve(__dirname, env.demo ? 'dist/demo' : 'dist/addin'), filename: (chunk) => (chunk.chunk.name === 'engine-worker' ? '[name].js' : '[name].[contenthash].js'), chunkFilename: '[name].[contenthash].js', clean: true },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, use: { loader: 'ts-loader', options: { onlyCompileBundledFiles: true, compilerOptions: { noEmit: false, module: 'esnext', moduleResolution: 'node' } } }, exclude: /node_modules/ }],
  },
  plugins: env.demo
    ? [
        new HtmlWebpackPlugin({ template: './src/demo/demo.html', filename: 'demo.html', chunks: ['demo'] }),
        new CopyWebpackPlugin({ patterns: [{ from: 'dist/demo-data/sample-workbook.json' }] }),
      ]
    : [
        new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
        new HtmlWebpackPlugin({ template: './src/commands/commands.html', filename: 'commands.html', chunks: ['commands'] }),
        new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }, { from: 'src/help/help.html', to: 'help.html' }, { from: 'src/legacy/legacy-webview.js', to: 'legacy-webview.js' }, { from: 'src/commands/result.html', to: 'result.html' }, manifestPattern()] }),
      ],
  performance: { hints: false },
  devtool: false,
  // Only `webpack serve` (npm start) reads this, and only then are certificates made.
  devServer: env.WEBPACK_SERVE ? { port: 3000, server: await devServerHttps(), headers: { 'Access-Control-Allow-Origin': '*' } } : undefined,
});
