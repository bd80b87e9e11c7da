import { useStore } from 'zustand';
import { appStore, type AppState } from '../store/appStore';

/** One selector per value: a component re-renders only when what it selects changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
