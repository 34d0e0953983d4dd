import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HandlerClient } from '../client/handler-client.js';
import { FlexitiReadyEvent } from '../events/flexiti-ready.js';
import type { Flow, Lang, SessionResponse } from '../schemas/index.js';

type Host = ReactiveControllerHost & HTMLElement & { tokenUrl: string; session: string; endpoint: string };

/**
 * The element's session with the merchant handler: minted from `token-url` (or the rendered
 * `session`) whenever those change, announced with `flexiti-ready`, and the client every request
 * goes through.
 */
export class SessionController implements ReactiveController {
  client: HandlerClient | undefined;

  /** The session for the elements: `value`, `status`, `run()` to retry, `render()`. */
  readonly task;

  /**
   * `onStart`: what to ask for as soon as the session is there, before the element has rendered
   * with it (`<flexiti-apply>`'s form values); `lang`: the shopper's language, sent when minting.
   */
  constructor(host: Host, flow: Flow, onStart?: (client: HandlerClient, started: SessionResponse) => void, lang?: () => Lang) {
    this.task = new Task(host, {
      task: async ([tokenUrl, session, endpoint], { signal }) => {
        if (!tokenUrl && !session) return initialState;
        this.client = new HandlerClient({ flow, tokenUrl, session, endpoint, lang });
        const started = await this.client.start(signal);
        onStart?.(this.client, started);
        host.dispatchEvent(new FlexitiReadyEvent({ flow, mode: started.mode }));
        return started;
      },
      args: () => [host.tokenUrl || undefined, host.session || undefined, host.endpoint || undefined] as const,
    });
    host.addController(this);
  }

  /** The session is asked for as the element connects, not one render later. */
  hostConnected(): void {
    if (this.task.status === TaskStatus.INITIAL) void this.task.run();
  }
}
