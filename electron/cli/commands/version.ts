import { APP_NAME, APP_VERSION } from '../../../shared/version';
import type { Command } from '../command';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the CareCover version.',
  usage: 'carecover version',
  options: {},
  async run(_args, io) {
    io.out(`${APP_NAME} ${APP_VERSION}`);
    return 0;
  },
};
