// The newest modification time among the files under some paths: what build.mjs and test.mjs compare with
// their outputs' (dist/, the type check's state) to tell whether to run again.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** The newest modification time among files under the given paths of `root` (0 when none exists). */
export function newest(root, paths) {
  let time = 0
  const visit = (file) => {
    if (!existsSync(file)) return
    const stat = statSync(file)
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name))
    else time = Math.max(time, stat.mtimeMs)
  }
  for (const file of paths) visit(path.join(root, file))
  return time
}
