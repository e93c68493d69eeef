// A frame that loads another document leaves the nodes of the one before behind. In Firefox a content script's
// hold on them becomes a dead object: reading anything of one throws ("can't access dead object").

/** Whether `node` is still in its document; false for a dead object too. */
export function isAlive(node: Node): boolean {
  try {
    return node.isConnected;
  } catch {
    return false;
  }
}
