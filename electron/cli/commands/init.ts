import { createServices } from '../../services';
import { userDataDir } from '../../services/user-data';
import type { Command } from '../command';
import { UsageError } from '../errors';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a project: the Leicestershire sample, or --empty.',
  usage: 'carecover init FILE [--empty] [--force]',
  options: { empty: { type: 'boolean' }, force: { type: 'boolean' } },
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new UsageError('init takes one FILE: the project to create.');
    const services = createServices({ host: 'web', userData: userDataDir(io.env) });
    try {
      const info = services.session.create(file, args.values.empty ? 'empty' : 'default', Boolean(args.values.force));
      io.out(`Created ${info.path}${info.isSample ? ' from the Leicestershire sample (fictional providers, modelled demand)' : ' (empty)'}.`);
      return 0;
    } finally {
      services.close();
    }
  },
};
