import { parseFlags } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { completionScript, SHELLS, type Shell } from '../completion';

/** `awb completion <shell>`: built around the other commands, and completes itself too. */
export function completionCommand(others: readonly Command[]): Command {
  const self: Command = {
    name: 'completion',
    summary: 'Print a shell completion script: awb completion bash|zsh|fish',
    usage: [
      'Usage: awb completion bash|zsh|fish',
      '',
      'Prints a script that completes every awb command, sub-command and flag, and file names where a flag takes a file.',
      '',
      '  bash   source <(awb completion bash)        (or save it in ~/.local/share/bash-completion/completions/awb)',
      '  zsh    source <(awb completion zsh)         (or save it as _awb in a folder on $fpath)',
      '  fish   awb completion fish | source         (or save it as ~/.config/fish/completions/awb.fish)',
    ].join('\n'),
    flags: {},
    hints: { positional: SHELLS },
    async run(argv, io) {
      const { positionals } = parseFlags(argv, {});
      const [shell, ...extra] = positionals;
      if (!shell || extra.length > 0 || !(SHELLS as readonly string[]).includes(shell)) {
        throw new UsageError(`name one shell: ${SHELLS.join(', ')}.`);
      }
      io.stdout(completionScript(shell as Shell, [...others, self]));
      return EXIT.ok;
    },
  };
  return self;
}
