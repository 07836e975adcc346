/** The RAG status as a lozenge: colour AND the word (never colour alone), with a shape cue for each. */
import Lozenge from '@atlaskit/lozenge';
import type { Rag } from '../../../../src/shared/progress';

export const RAG_WORDS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', grey: 'Grey' };
const APPEARANCE = { red: 'removed', amber: 'moved', green: 'success', grey: 'default' } as const;
const SHAPE: Record<Rag, string> = { red: '■', amber: '▲', green: '●', grey: '○' };

export function RagLozenge({ rag, isBold = false }: { rag: Rag; isBold?: boolean }) {
  return (
    <span data-rag={rag}>
      <Lozenge appearance={APPEARANCE[rag]} isBold={isBold} testId={`rag-${rag}`}>
        <span aria-hidden="true">{SHAPE[rag]} </span>
        {RAG_WORDS[rag]}
      </Lozenge>
    </span>
  );
}
