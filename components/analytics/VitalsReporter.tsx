'use client';

import { useReportWebVitals } from 'next/web-vitals';
import { useCallback, useEffect, useRef } from 'react';
import { sendVital } from '@/lib/analytics/vitals';

/**
 * Field measurements (LCP, INP, CLS, TTFB, FCP), sent to /api/vitals while analytics is allowed.
 * Mounted once analytics is first allowed; withdrawing it stops the sending, since the browser's
 * observers cannot be taken back.
 */
export default function VitalsReporter({ enabled }: { enabled: boolean }) {
  const allowed = useRef(enabled);
  useEffect(() => {
    allowed.current = enabled;
  }, [enabled]);
  // One stable callback: next/web-vitals registers its observers again whenever it changes.
  const report = useCallback((metric: Parameters<typeof sendVital>[0]) => {
    if (allowed.current) sendVital(metric);
  }, []);
  useReportWebVitals(report);
  return null;
}
