import { BATCH_ANSWER, FRAME_BYTES, FrameReader, type BatchTransport } from '../../shared/api/batch';
import type { Transport } from '../../shared/api/client';
import type { Envelope } from '../../shared/api/errors';

/**
 * Reads sent to the browser host as one request (POST batch): each call's
 * answer is settled as its frame arrives. Should the batch itself fail (no
 * answer, a refusal, an answer cut short), the calls it did not answer are
 * sent again one by one, so the page still opens.
 */
export function httpBatch(headers: Record<string, string>, single: Transport): BatchTransport {
  return (calls) => {
    const waiting = calls.map(() => {
      let settle!: (envelope: Envelope<unknown> | Promise<Envelope<unknown>>) => void;
      const answer = new Promise<Envelope<unknown>>((resolve) => (settle = resolve));
      return { answer, settle, settled: false };
    });
    const settle = (index: number, envelope: Envelope<unknown> | Promise<Envelope<unknown>>) => {
      const call = waiting[index];
      if (!call || call.settled) return;
      call.settled = true;
      call.settle(envelope);
    };
    const oneByOne = () => calls.forEach(([method, request], i) => waiting[i]!.settled || settle(i, single(method, request)));
    void (async () => {
      try {
        const response = await fetch('batch', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(calls) });
        if (!response.ok || response.headers.get('Content-Type') !== BATCH_ANSWER || !response.body) return;
        const reader = new FrameReader();
        const text = new TextDecoder();
        for (const stream = response.body.getReader(); ; ) {
          const { done, value } = await stream.read();
          if (done) break;
          for (const frame of reader.push(value)) settle(frame.index, frame.kind === FRAME_BYTES ? { ok: true, value: frame.payload } : (JSON.parse(text.decode(frame.payload)) as Envelope<unknown>));
        }
      } catch {
        // No answer, or cut off: what is left goes one by one, below.
      } finally {
        oneByOne();
      }
    })();
    return waiting.map((call) => call.answer);
  };
}
