import type { Command, Flags, ValueHint } from './command';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What completion needs of a command, at the level where flags apply (a command or one sub-command). */
interface Level {
  readonly path: readonly string[];
  readonly flags: Flags;
  readonly positional: ValueHint | undefined;
}

function levelsOf(command: Command): Level[] {
  const positional = command.hints?.positional;
  if (!command.subcommands) return [{ path: [command.name], flags: command.flags ?? {}, positional }];
  return Object.entries(command.subcommands).map(([sub, flags]) => ({ path: [command.name, sub], flags, positional }));
}

const hintOf = (command: Command, flag: string): ValueHint | undefined => command.hints?.[flag];

/** Single-quoted for bash and zsh: a quote inside becomes '\''. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bashValues(hint: ValueHint | undefined): string {
  if (hint === 'file') return 'COMPREPLY=($(compgen -f -- "$cur"))';
  if (hint === 'dir') return 'COMPREPLY=($(compgen -d -- "$cur"))';
  if (hint) return `COMPREPLY=($(compgen -W ${quote(hint.join(' '))} -- "$cur"))`;
  return 'COMPREPLY=()';
}

function bashLevel(command: Command, level: Level): string {
  const flags = Object.entries(level.flags);
  const valued = flags.filter(([, spec]) => spec.type === 'string');
  const cases = valued.map(([name]) => `        --${name}) ${bashValues(hintOf(command, name))}; return ;;`);
  const words = [...flags.map(([name]) => `--${name}`), '--help'].join(' ');
  const valueCase = cases.length ? ['        case "$prev" in', ...cases.map((line) => `  ${line}`), '        esac'] : [];
  return [
    `      ${quote(level.path.join(' '))})`,
    ...valueCase,
    `        if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${quote(words)} -- "$cur")); else ${bashValues(level.positional)}; fi`,
    '        ;;',
  ].join('\n');
}

function bash(commands: readonly Command[]): string {
  const names = [...commands.map((c) => c.name), 'help'].join(' ');
  const withSubs = commands.filter((c) => c.subcommands);
  const subWords = withSubs.map(
    (c) => `    ${c.name}) COMPREPLY=($(compgen -W ${quote(Object.keys(c.subcommands ?? {}).join(' '))} -- "$cur")); return ;;`,
  );
  const levels = commands.flatMap((c) => levelsOf(c).map((level) => bashLevel(c, level)));
  const levelKey = withSubs.map((c) => c.name).join('|');
  return `# awb completion for bash. Load it with: source <(awb completion bash)
# Word splitting of compgen's output is how bash completion works:
# shellcheck disable=SC2207
_awb() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W ${quote(names)} -- "$cur")); return; fi
  if [ "\${COMP_WORDS[1]}" = help ]; then COMPREPLY=($(compgen -W ${quote(names)} -- "$cur")); return; fi
  if [ "$COMP_CWORD" -eq 2 ]; then
    case "\${COMP_WORDS[1]}" in
${subWords.join('\n')}
    esac
  fi
  local level="\${COMP_WORDS[1]}"
  case "$level" in ${levelKey || '__none__'}) level="$level \${COMP_WORDS[2]}" ;; esac
  case "$level" in
${levels.join('\n')}
  esac
}
complete -o filenames -F _awb awb
`;
}

function zshAction(hint: ValueHint | undefined): string {
  if (hint === 'file') return '_files';
  if (hint === 'dir') return '_files -/';
  if (hint) return `(${hint.join(' ')})`;
  return ' ';
}

function zshArguments(command: Command, level: Level, indent: string): string {
  const specs = Object.entries(level.flags).map(([name, spec]) => {
    const repeat = spec.multiple ? '*' : '';
    return spec.type === 'string' ? `${repeat}--${name}:${name}:${zshAction(hintOf(command, name))}` : `--${name}`;
  });
  if (level.positional) specs.push(`*:argument:${zshAction(level.positional)}`);
  return `${indent}_arguments -s ${[...specs, '--help'].map(quote).join(' ')}`;
}

function zshCommand(command: Command): string {
  if (!command.subcommands) return `    ${command.name})\n${zshArguments(command, levelsOf(command)[0]!, '      ')} ;;`;
  const subs = levelsOf(command);
  const cases = subs.map((level) => `        ${level.path[1]})\n${zshArguments(command, level, '          ')} ;;`);
  return [
    `    ${command.name})`,
    `      if (( CURRENT == 2 )); then _values sub-command ${Object.keys(command.subcommands).map(quote).join(' ')}; return; fi`,
    '      shift words; (( CURRENT-- ))',
    '      case $words[1] in',
    ...cases,
    '      esac ;;',
  ].join('\n');
}

function zsh(commands: readonly Command[]): string {
  const described = commands.map((c) => quote(`${c.name}:${c.summary.replace(/[:\n]/g, ' ')}`));
  return `#compdef awb
# awb completion for zsh. Load it with: source <(awb completion zsh)
_awb() {
  local -a commands
  commands=(${described.join(' ')} 'help:Show the help of a command')
  if (( CURRENT == 2 )); then _describe command commands; return; fi
  shift words; (( CURRENT-- ))
  case $words[1] in
    help) _describe command commands ;;
${commands.map(zshCommand).join('\n')}
  esac
}
if (( $+functions[compdef] )); then compdef _awb awb; fi
`;
}

/** Single-quoted for fish, where only \\ and ' are escaped inside. */
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function fishValues(hint: ValueHint | undefined): string {
  if (hint === 'file') return ' -r -F';
  if (hint === 'dir') return " -r -f -a '(__fish_complete_directories)'";
  if (hint) return ` -r -f -a ${fishQuote(hint.join(' '))}`;
  return ' -r -f';
}

function fishLevel(command: Command, level: Level): string[] {
  const [name, sub] = level.path;
  const when = sub ? `__fish_seen_subcommand_from ${name}; and __fish_seen_subcommand_from ${sub}` : `__fish_seen_subcommand_from ${name}`;
  const flags = Object.entries(level.flags).map(([flag, spec]) => {
    const values = spec.type === 'string' ? fishValues(hintOf(command, flag)) : '';
    return `complete -c awb -n ${fishQuote(when)} -l ${flag}${values}`;
  });
  const positional = level.positional === 'file' ? [`complete -c awb -n ${fishQuote(when)} -F`] : [];
  return [...flags, ...positional];
}

function fish(commands: readonly Command[]): string {
  const names = commands.map((c) => c.name).join(' ');
  const lines = commands.flatMap((c) => {
    const top = `complete -c awb -n '__fish_use_subcommand' -a ${c.name} -d ${fishQuote(c.summary)}`;
    const subs = Object.keys(c.subcommands ?? {});
    const subLine = subs.length
      ? [
          `complete -c awb -n ${fishQuote(`__fish_seen_subcommand_from ${c.name}; and not __fish_seen_subcommand_from ${subs.join(' ')}`)} -a ${fishQuote(subs.join(' '))}`,
        ]
      : [];
    return [top, ...subLine, ...levelsOf(c).flatMap((level) => fishLevel(c, level))];
  });
  return `# awb completion for fish. Load it with: awb completion fish | source
complete -c awb -f
complete -c awb -n '__fish_use_subcommand' -a help -d 'Show the help of a command'
complete -c awb -n '__fish_seen_subcommand_from help' -a ${fishQuote(names)}
complete -c awb -l help -d 'Show the help'
${lines.join('\n')}
`;
}

/** A completion script for every command and flag, generated from the definitions `--help` and parsing use. */
export function completionScript(shell: Shell, commands: readonly Command[]): string {
  return { bash, zsh, fish }[shell](commands);
}
