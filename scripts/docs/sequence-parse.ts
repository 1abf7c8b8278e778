// Parses the small sequence-diagram language of docs-site/diagrams/*.txt, a subset of Mermaid's
// sequenceDiagram syntax so that readers who know Mermaid can read and edit the sources:
//
//   title <text>
//   participant <id> [as <label>]
//   <from> ->> <to>: <text>        a call (solid line)
//   <from> -->> <to>: <text>       a reply (dashed line)
//   note left of|right of|over <id>[,<id>]: <text>
//   alt|opt|loop <label> … [else <label> …] end
//   %% comment
//
// `\n` inside a text starts a new line. Participants must be declared before use, so that a typo
// in an id is an error with its line number and not a silently added column.

export interface Participant {
  id: string;
  label: string[];
}

export interface Message {
  kind: 'message';
  from: string;
  to: string;
  text: string[];
  style: 'call' | 'reply';
}

export interface Note {
  kind: 'note';
  placement: 'left' | 'right' | 'over';
  participants: string[];
  text: string[];
}

export interface Block {
  kind: 'block';
  type: 'alt' | 'opt' | 'loop';
  sections: { label: string; steps: Step[] }[];
}

export type Step = Message | Note | Block;

export interface SequenceDiagram {
  title?: string;
  participants: Participant[];
  steps: Step[];
}

export class SequenceSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const lines = (text: string): string[] => text.split('\\n').map((l) => l.trim());

export function parseSequence(source: string): SequenceDiagram {
  const diagram: SequenceDiagram = { participants: [], steps: [] };
  // The innermost open block is last; its last section receives the steps.
  const open: { block: Block; line: number }[] = [];
  const target = (): Step[] => {
    const innermost = open.at(-1);
    return innermost ? innermost.block.sections.at(-1)!.steps : diagram.steps;
  };
  const known = (id: string, line: number): string => {
    if (!diagram.participants.some((p) => p.id === id)) throw new SequenceSyntaxError(line, `unknown participant "${id}"; declare it with "participant ${id}"`);
    return id;
  };

  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('%%')) return;
    let m: RegExpMatchArray | null;

    if ((m = text.match(/^title\s+(.+)$/))) {
      diagram.title = m[1]!;
    } else if ((m = text.match(/^participant\s+([A-Za-z]\w*)(?:\s+as\s+(.+))?$/))) {
      const id = m[1]!;
      if (diagram.participants.some((p) => p.id === id)) throw new SequenceSyntaxError(line, `participant "${id}" is declared twice`);
      diagram.participants.push({ id, label: lines(m[2] ?? id) });
    } else if ((m = text.match(/^([A-Za-z]\w*)\s*(-->>|->>)\s*([A-Za-z]\w*)\s*:\s*(.+)$/))) {
      target().push({ kind: 'message', from: known(m[1]!, line), to: known(m[3]!, line), style: m[2] === '->>' ? 'call' : 'reply', text: lines(m[4]!) });
    } else if ((m = text.match(/^note\s+(left of|right of|over)\s+(\w+(?:\s*,\s*\w+)?)\s*:\s*(.+)$/i))) {
      const placement = m[1]!.toLowerCase().split(' ')[0] as Note['placement'];
      const participants = m[2]!.split(',').map((id) => known(id.trim(), line));
      if (placement !== 'over' && participants.length > 1) throw new SequenceSyntaxError(line, `a note ${m[1]} takes one participant`);
      target().push({ kind: 'note', placement, participants, text: lines(m[3]!) });
    } else if ((m = text.match(/^(alt|opt|loop)(?:\s+(.+))?$/))) {
      const block: Block = { kind: 'block', type: m[1] as Block['type'], sections: [{ label: m[2] ?? '', steps: [] }] };
      target().push(block);
      open.push({ block, line });
    } else if ((m = text.match(/^else(?:\s+(.+))?$/))) {
      const innermost = open.at(-1);
      if (innermost?.block.type !== 'alt') throw new SequenceSyntaxError(line, '"else" outside an "alt" block');
      innermost.block.sections.push({ label: m[1] ?? '', steps: [] });
    } else if (text === 'end') {
      if (!open.pop()) throw new SequenceSyntaxError(line, '"end" without an open block');
    } else {
      throw new SequenceSyntaxError(line, `cannot read "${text}"`);
    }
  });

  const unclosed = open.at(-1);
  if (unclosed) throw new SequenceSyntaxError(unclosed.line, `"${unclosed.block.type}" is never closed with "end"`);
  if (diagram.participants.length === 0) throw new SequenceSyntaxError(1, 'no participants');
  return diagram;
}
