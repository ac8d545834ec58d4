// The charts' calm colours (the app's accent blue, a quiet teal, a muted terracotta for cost and
// a green for benefit) and the axis and tooltip formats, in the reader's number conventions.
import type { ChartOptions, TooltipItem } from 'chart.js';
import { formatMoney, formatMoneyShort, formatNumber } from './format';

export const CHART_COLOURS = {
  enrolments: '#1d5ca8',
  completions: '#5fa89d',
  cost: '#c7714a',
  benefit: '#3f8f63',
  cumulativeCost: '#9a4a2a',
  cumulativeBenefit: '#24663f',
} as const;

type Scale = NonNullable<NonNullable<ChartOptions<'bar'>['scales']>['y']>;

export function countAxis(): Scale {
  return {
    beginAtZero: true,
    grid: { color: '#eef0f3' },
    border: { display: false },
    ticks: { callback: (value) => formatNumber(Number(value), 0), maxTicksLimit: 6 },
  };
}

export function moneyAxis(currency: string): Scale {
  return {
    grid: { color: '#eef0f3' },
    border: { display: false },
    ticks: { callback: (value) => formatMoneyShort(Number(value), currency), maxTicksLimit: 7 },
  };
}

export function countTooltip() {
  return {
    callbacks: {
      label: (item: TooltipItem<'bar' | 'line'>) =>
        `${item.dataset.label ?? ''}: ${formatNumber(Number(item.raw), 0)}`,
    },
  };
}

export function moneyTooltip(currency: string) {
  return {
    callbacks: {
      label: (item: TooltipItem<'bar' | 'line'>) =>
        `${item.dataset.label ?? ''}: ${formatMoney(Number(item.raw), currency)}`,
    },
  };
}
