import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A packaged app gets no developer menu (Reload, Toggle DevTools): on macOS a menu of the standard
 * roles keeps Quit, Copy and Paste and the window shortcuts; elsewhere there is no menu bar at all,
 * as the window's own navigation has everything. A development build keeps Electron's default menu.
 */
export function installMenu(packaged: boolean): void {
  if (!packaged) return;
  const template: MenuItemConstructorOptions[] = [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
  Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate(template) : null);
}
