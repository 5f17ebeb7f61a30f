/**
 * Production builds: the task pane for Office (dist/addin/) and, with --env demo, the demo page
 * that runs the same pane on a simulated workbook (dist/demo/).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  entry: env.demo ? { demo: './src/demo/index.tsx' } : { taskpane: './src/taskpane/index.tsx' },
  output: { path: path.resolve(__dirname, env.demo ? 'dist/demo' : 'dist/addin'), filename: '[name].[contenthash].js', clean: true },
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
        new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }, { from: 'manifest.xml' }] }),
      ],
  performance: { hints: false },
  devtool: false,
});
