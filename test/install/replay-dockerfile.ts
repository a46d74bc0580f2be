// Replays a Dockerfile without Docker (these machines cannot pull a base
// image): its COPY, WORKDIR, ENV, USER and RUN steps in a directory standing
// for the image's filesystem, RUN commands as the Dockerfile's user — the
// image's `node` user is played by `nobody` when the tests run as root —,
// then its CMD and HEALTHCHECK run the same way. The Node running the tests
// stands for the base image's (it is linked into <root>/usr/local/bin, where
// node:24-slim has it). npm installs from the local cache (`offline`): tests
// never reach the network.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execForm, type Instruction, parseDockerfile, parseEnvPairs } from './parse-dockerfile.ts';

export interface ReplayedImage {
  from: string;
  /** The image's directories, as paths here: `/app` → `<root>/app`. */
  path(imagePath: string): string;
  workdir: string;
  /** ENV of the image, paths mapped. */
  env: Record<string, string>;
  /** uid the image's USER runs as here. */
  uid: number;
  cmd: string[];
  healthcheck: string[];
  volumes: string[];
  stopSignal: NodeJS.Signals;
  /** `docker run`: a command in the image as its user, with more variables. */
  spawn(command: string[], env?: Record<string, string>): ChildProcess;
  run(command: string[], env?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
}

const NOBODY = 65534;

function linkOrCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
  chmodSync(to, 0o755);
}

/** The npm cache for `uid`: index copied (npm writes to it), content linked (never rewritten). */
function prepareNpmCache(target: string, uid: number): void {
  const source = join(execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim(), '_cacache');
  mkdirSync(join(target, '_cacache'), { recursive: true });
  cpSync(join(source, 'index-v5'), join(target, '_cacache', 'index-v5'), { recursive: true });
  const content = join(source, 'content-v2');
  try {
    execFileSync('cp', ['-al', content, join(target, '_cacache')]);
  } catch {
    cpSync(content, join(target, '_cacache', 'content-v2'), { recursive: true });
  }
  // directories and the index become the user's; content files stay read-only links
  execFileSync('sh', [
    '-c',
    `find "$1" -type d -exec chown ${uid}:${uid} {} + && chown -R ${uid}:${uid} "$1/_cacache/index-v5"`,
    'sh',
    target,
  ]);
}

export async function replayDockerfile({
  dockerfile,
  context,
  root,
}: {
  dockerfile: string;
  /** The build context: a clean copy of the repository. */
  context: string;
  root: string;
}): Promise<ReplayedImage> {
  const instructions: Instruction[] = parseDockerfile(readFileSync(dockerfile, 'utf8'));
  const asRoot = process.getuid?.() === 0;
  const imageUid = asRoot ? NOBODY : (process.getuid?.() ?? 0);
  chmodSync(root, 0o755);
  // the image's own directories: WORKDIR and VOLUME paths live under root
  const imageDirs = instructions
    .filter((i) => i.keyword === 'WORKDIR' || i.keyword === 'VOLUME')
    .flatMap((i) => (i.keyword === 'VOLUME' ? (JSON.parse(i.args) as string[]) : [i.args]))
    .map((p) => `/${p.split('/')[1]}`);
  const pattern = new RegExp(`(^|[\\s:=])(${[...new Set(imageDirs)].join('|')})(?=/|\\s|$)`, 'g');
  const mapPaths = (text: string) =>
    text.replace(pattern, (_m, before: string, dir: string) => `${before}${root}${dir}`);
  const path = (imagePath: string) => mapPaths(imagePath);

  const nodeBin = join(root, 'usr', 'local', 'bin', 'node');
  linkOrCopy(process.execPath, nodeBin);
  const home = join(root, 'home', 'node');
  mkdirSync(home, { recursive: true });
  chownSync(home, imageUid, imageUid);
  const npmCache = join(root, 'npm-cache');
  prepareNpmCache(npmCache, imageUid);
  // npm as the tests run it (/usr/bin here, /usr/local/bin in a node image), after the image's node
  const npmDir = dirname(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
  const basePath = `${dirname(nodeBin)}:${npmDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

  const image: Omit<ReplayedImage, 'spawn' | 'run' | 'path'> = {
    from: '',
    workdir: root,
    env: {},
    uid: 0,
    cmd: [],
    healthcheck: [],
    volumes: [],
    stopSignal: 'SIGTERM',
  };
  let user = 'root';
  const uidOf = (name: string) => (name === 'root' ? (process.getuid?.() ?? 0) : imageUid);
  const asUser = (uid: number, command: string[]) =>
    asRoot && uid !== 0 ? ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '--', ...command] : command;
  const envFor = (uid: number, extra: Record<string, string> = {}) => ({
    PATH: basePath,
    HOME: uid === 0 ? root : home,
    npm_config_cache: npmCache,
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    ...image.env,
    ...extra,
  });

  for (const { keyword, args } of instructions) {
    if (keyword === 'FROM') image.from = args;
    else if (keyword === 'ENV')
      Object.assign(
        image.env,
        Object.fromEntries(Object.entries(parseEnvPairs(args)).map(([k, v]) => [k, mapPaths(v)])),
      );
    else if (keyword === 'WORKDIR') {
      image.workdir = path(args);
      mkdirSync(image.workdir, { recursive: true });
    } else if (keyword === 'USER') user = args;
    else if (keyword === 'COPY') {
      const words = args.split(/\s+/);
      const chown = words.find((w) => w.startsWith('--chown='));
      const [dest, ...sources] = words.filter((w) => !w.startsWith('--')).reverse();
      const target = dest!.startsWith('/') ? path(dest!) : join(image.workdir, dest!);
      for (const source of sources.reverse()) {
        const into = dest!.endsWith('/') ? join(target, source) : target;
        cpSync(join(context, source), into, { recursive: true });
        if (chown && asRoot) execFileSync('chown', ['-R', `${imageUid}:${imageUid}`, into]);
      }
    } else if (keyword === 'RUN') {
      const uid = uidOf(user);
      // the image's user and group, as played here
      const command = mapPaths(args).replace(/\bnode:node\b/g, `${imageUid}:${imageUid}`);
      const run = spawnSync(asUser(uid, ['sh', '-c', command])[0]!, asUser(uid, ['sh', '-c', command]).slice(1), {
        cwd: image.workdir,
        env: envFor(uid),
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`RUN ${args} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    } else if (keyword === 'VOLUME') image.volumes = (JSON.parse(args) as string[]).map(path);
    else if (keyword === 'STOPSIGNAL') image.stopSignal = args as NodeJS.Signals;
    else if (keyword === 'HEALTHCHECK') image.healthcheck = execForm(args.slice(args.indexOf('CMD')));
    else if (keyword === 'CMD') image.cmd = execForm(args);
  }
  image.uid = uidOf(user);
  const uid = image.uid;
  return {
    ...image,
    path,
    spawn: (command, env = {}) => {
      const full = asUser(uid, command);
      return spawn(full[0]!, full.slice(1), {
        cwd: image.workdir,
        env: envFor(uid, env),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
    run: (command, env = {}) => {
      const full = asUser(uid, command);
      const r = spawnSync(full[0]!, full.slice(1), { cwd: image.workdir, env: envFor(uid, env), encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
