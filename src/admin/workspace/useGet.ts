import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export interface Loaded<T> {
  data: T | null;
  error: { status: number | null; message: string } | null;
  loading: boolean;
  reload: () => void;
}

/** GET with the admin fetch client; the server's refusal message is kept for display. */
export function useGet<T>(url: string | null): Loaded<T> {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<Omit<Loaded<T>, 'reload'>>({ data: null, error: null, loading: true });
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    if (!url) return;
    let alive = true;
    setState((s) => ({ ...s, loading: true }));
    get<T>(url).then(
      (res) => alive && setState({ data: res.data, error: null, loading: false }),
      (err: any) => {
        if (!alive) return;
        const status = err?.response?.status ?? err?.status ?? null;
        const message = err?.response?.data?.error?.message ?? err?.message ?? 'Gagal memuat.';
        setState({ data: null, error: { status, message }, loading: false });
      },
    );
    return () => {
      alive = false;
    };
  }, [get, url, tick]);
  const reload = React.useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
