// A full disk for a `tradebook` process where no small file system can be
// mounted (the suite mounts a 256 KB tmpfs when it runs as root): loaded with
// NODE_OPTIONS=--require, it makes every write of a file opened for writing
// under TB_FULL_DIR fail as the kernel fails it on a full disk (ENOSPC).
const fsp = require("node:fs/promises");
const dir = process.env.TB_FULL_DIR;
const open = fsp.open;
const full = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
fsp.open = async function (path, flags, ...rest) {
  const handle = await open.call(this, path, flags, ...rest);
  if (dir && String(path).startsWith(dir) && /[wa]/.test(String(flags ?? "r"))) {
    handle.writeFile = async () => {
      throw full();
    };
    handle.write = async () => {
      throw full();
    };
  }
  return handle;
};
// The compiled CLI is ES modules: their named imports of node:fs/promises see the patch only once synced.
require("node:module").syncBuiltinESMExports();
