import type { Component } from 'svelte';
import type { IconName } from '../components/Icon.svelte';
import AboutView from './about/AboutView.svelte';
import ConnectorsView from './connectors/ConnectorsView.svelte';
import DelegateView from './delegate/DelegateView.svelte';
import DoctorView from './doctor/DoctorView.svelte';
import HistoryView from './history/HistoryView.svelte';
import PolicyView from './policy/PolicyView.svelte';
import ReportsView from './reports/ReportsView.svelte';
import TestView from './test/TestView.svelte';

export interface ViewEntry {
  readonly id: string;
  readonly label: string;
  readonly icon: IconName;
  /** Ctrl (⌘ on macOS) plus this key opens the view. */
  readonly key: string;
  readonly component: Component<Record<string, unknown>>;
  readonly props?: Record<string, unknown>;
  /** Pinned to the bottom of the navigation rail. */
  readonly footer?: boolean;
}

/**
 * Every view of the app, in navigation order; the rail, the shortcuts and the routing all follow this list.
 */
export const views = [
  {
    id: 'connectors',
    label: 'Connectors',
    icon: 'plug',
    key: '1',
    component: ConnectorsView as unknown as Component<Record<string, unknown>>,
  },
  { id: 'test', label: 'Test', icon: 'play', key: '2', component: TestView as unknown as Component<Record<string, unknown>> },
  { id: 'history', label: 'History', icon: 'history', key: '3', component: HistoryView as unknown as Component<Record<string, unknown>> },
  { id: 'doctor', label: 'Doctor', icon: 'stethoscope', key: '4', component: DoctorView as unknown as Component<Record<string, unknown>> },
  { id: 'policy', label: 'Policy', icon: 'shield', key: '5', component: PolicyView as unknown as Component<Record<string, unknown>> },
  {
    id: 'delegate',
    label: 'Delegate YAML',
    icon: 'box',
    key: '6',
    component: DelegateView as unknown as Component<Record<string, unknown>>,
  },
  {
    id: 'reports',
    label: 'Reports',
    icon: 'file',
    key: '7',
    component: ReportsView as unknown as Component<Record<string, unknown>>,
  },
  {
    id: 'about',
    label: 'About',
    icon: 'info',
    key: '0',
    component: AboutView as unknown as Component<Record<string, unknown>>,
    footer: true,
  },
] as const satisfies readonly ViewEntry[];

export type ViewId = (typeof views)[number]['id'];
