// Builds the task pane into build/: taskpane.html + its bundle, commands.html (the manifest's
// FunctionFile), a local copy of office.js (no CDN: the pane loads nothing from the network) and the
// icons under build/assets/.
//
//   npx webpack --mode production      (npm run build does this after the CLI build)

'use strict';

const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'build');

/** Files copied verbatim into build/: [source, path inside build/]. */
const STATIC_FILES = [
  [path.join(ROOT, 'node_modules/@microsoft/office-js/dist/office.js'), 'office.js'],
  ...fs
    .readdirSync(path.join(ROOT, 'assets'))
    .filter((name) => /^(icon-\d+|logo-filled)\.png$/.test(name))
    .sort()
    .map((name) => [path.join(ROOT, 'assets', name), `assets/${name}`]),
];

/**
 * Emits STATIC_FILES as webpack assets (copy-webpack-plugin is not a dependency). Emitting through
 * the compilation, rather than writing next to it, keeps them under `output.clean`, in the build
 * summary and in watch mode.
 */
class CopyStaticFilesPlugin {
  constructor(files) {
    this.files = files;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyStaticFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyStaticFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [from, to] of this.files) {
            if (!fs.existsSync(from)) {
              compilation.errors.push(new compiler.webpack.WebpackError(`CopyStaticFilesPlugin: missing ${from}`));
              continue;
            }
            compilation.fileDependencies.add(from);
            compilation.emitAsset(to, new sources.RawSource(fs.readFileSync(from)));
          }
        },
      );
    });
  }
}

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: OUT,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true, // type errors come from `tsc --noEmit`
              configFile: path.join(ROOT, 'tsconfig.json'),
              // ES modules so webpack can tree-shake Fluent UI; tsconfig itself targets CommonJS for Node.
              compilerOptions: { module: 'es2020', sourceMap: !production },
            },
          },
        },
      ],
    },
    devtool: production ? false : 'eval-cheap-module-source-map',
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/index.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/commands.html',
        filename: 'commands.html',
        chunks: [],
        inject: false,
      }),
      new CopyStaticFilesPlugin(STATIC_FILES),
    ],
    performance: {
      // The pane is loaded from localhost or an intranet server; warn only well above the ≈320 KiB
      // expected for React + Fluent UI, so real growth still shows up.
      maxEntrypointSize: 450 * 1024,
      maxAssetSize: 450 * 1024,
    },
    stats: 'normal',
  };
};

module.exports.STATIC_FILES = STATIC_FILES;
