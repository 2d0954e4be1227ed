// Builds the task pane into build/: taskpane.html + its bundle, commands.html (the manifest's
// FunctionFile), a local copy of office.js and the runtime files it loads (no CDN: the pane loads
// nothing from the network) and the icons under build/assets/.
// Lazy chunks: engine.*.js (recognition + checks, fetched at the first scan), xlsx.*.js and
// exceljs.*.js (the browser's .xlsx reader/writer, fetched only in file mode, outside Excel).
//
//   npx webpack --mode production      (npm run build does this after the CLI build)

'use strict';

const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'build');

const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');

/**
 * The parts of office.js's dist/ the pane needs, served from our own origin. office.js loads its
 * companions from the folder it was loaded from, so office.js alone is not enough:
 * - o15apptofilemappingtable.js: outside Office, office.js loads it before Office.onReady can
 *   resolve (without it, onReady never answers and the pane waits for the boot timeout);
 * - inside Excel: the Excel host script for the platform (excel-win32-16.01.js, excel-web-16.00.js, …),
 *   the UI strings of the Office display language (<locale>/office_strings.js) and telemetry.
 * Debug builds, Office 2013 (…-15.js) files, other hosts and Outlook strings are left out.
 */
function officeRuntimeFiles() {
  const files = ['office.js', 'o15apptofilemappingtable.js', 'telemetry/oteljs_agave.js'];
  for (const name of fs.readdirSync(OFFICE_DIST)) {
    if (/^excel-[a-z0-9]+-16\.\d+(-core)?\.js$/.test(name)) files.push(name); // Office 2016+; 2013 lacks ExcelApi 1.7
    if (fs.existsSync(path.join(OFFICE_DIST, name, 'office_strings.js'))) files.push(`${name}/office_strings.js`);
  }
  return files.sort().map((rel) => [path.join(OFFICE_DIST, rel), rel]);
}

/** Files copied verbatim into build/: [source, path inside build/]. */
const STATIC_FILES = [
  ...officeRuntimeFiles(),
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
            // minimized: already-shipped files (office.js) must reach build/ byte for byte, untouched by Terser.
            compilation.emitAsset(to, new sources.RawSource(fs.readFileSync(from)), { minimized: true, copied: true });
          }
        },
      );
    });
  }
}

/** exceljs's prebuilt browser bundle: the file mode's lazy chunk, already minified. */
const EXCELJS_BROWSER = /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/;

/**
 * Marks chunks that only hold prebuilt, minified code as minimized, so the minimizer leaves them
 * alone (running Terser over exceljs's 925 KiB bundle again takes most of a build and saves nothing).
 */
class SkipPrebuiltMinifyPlugin {
  constructor(test) {
    this.test = test;
  }

  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SkipPrebuiltMinifyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SkipPrebuiltMinifyPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (this.test.test(name)) compilation.updateAsset(name, (source) => source, { minimized: true });
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
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    // `exceljs` resolves to its browser bundle through the package's "browser" field.
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    optimization: {
      // The runtime (chunk loading) in a file of its own, so a change in one lazy chunk does not
      // rewrite the pane's main bundle.
      runtimeChunk: 'single',
      splitChunks: {
        cacheGroups: {
          // Lazy chunks, loaded on demand: the engine (core + decimal.js, shared by both hosts),
          // excel (the Office.js adapter), xlsx + exceljs (file mode only).
          engine: {
            test: /[\\/]src[\\/]core[\\/]|[\\/]node_modules[\\/]decimal\.js[\\/]/,
            name: 'engine',
            chunks: 'async',
            enforce: true,
          },
          exceljs: { test: EXCELJS_BROWSER, name: 'exceljs', chunks: 'async', enforce: true },
        },
      },
    },
    module: {
      // A prebuilt UMD bundle: nothing for webpack to find in it, and parsing it is slow.
      noParse: EXCELJS_BROWSER,
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
        chunks: ['runtime', 'taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/commands.html',
        filename: 'commands.html',
        chunks: [],
        inject: false,
      }),
      new CopyStaticFilesPlugin(STATIC_FILES),
      new SkipPrebuiltMinifyPlugin(/^exceljs\.[0-9a-f]+\.js$|^exceljs\.js$/),
    ],
    performance: {
      // The pane is loaded from localhost or an intranet server; warn only well above the ≈320 KiB
      // expected for React + Fluent UI, so real growth still shows up.
      maxEntrypointSize: 450 * 1024,
      maxAssetSize: 450 * 1024,
      assetFilter: (name) => /^taskpane\b.*\.js$/.test(name), // office.js's files are not ours to shrink
    },
    // The 150-odd <locale>/office_strings.js copies would bury the bundle in the build summary.
    stats: { preset: 'normal', excludeAssets: [/\/office_strings\.js$/] },
  };
};

module.exports.STATIC_FILES = STATIC_FILES;
