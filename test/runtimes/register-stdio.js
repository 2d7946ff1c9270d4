// stdio for a runtime started by a test: `fd` handed over at each of `numbers`, nothing in between.
export function stdioInheriting(fd, numbers) {
  const stdio = ['pipe', 'pipe', 'pipe'];
  for (const number of numbers) {
    while (stdio.length < number) stdio.push('ignore');
    stdio[number] = fd;
  }
  return stdio;
}
