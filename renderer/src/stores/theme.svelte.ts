/** Light, dark, or follow the OS; the choice is remembered on this machine. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'awb.theme';

function stored(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

class ThemeStore {
  choice = $state<ThemeChoice>(stored());

  constructor() {
    apply(this.choice);
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
    apply(choice);
  }
}

export const theme = new ThemeStore();
