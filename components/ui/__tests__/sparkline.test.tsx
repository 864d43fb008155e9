// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sparkline, sparklinePoints } from '../sparkline';

afterEach(cleanup);

function numbersIn(svg: Element): string[] {
  return Array.from(svg.querySelectorAll('*')).flatMap((el) =>
    ['d', 'cx', 'cy', 'x1', 'x2', 'y1', 'y2'].map((a) => el.getAttribute(a)).filter((v): v is string => v !== null),
  );
}

describe('Sparkline', () => {
  it('draws a line through every reading, latest highest when it is the largest', () => {
    render(<Sparkline values={[1, 3, 2, 5]} label="Signups" width={100} height={20} />);
    const svg = screen.getByRole('img', { name: 'Signups: 4 readings, latest 5' });
    const line = svg.querySelector('.pp-sparkline__line')?.getAttribute('d') ?? '';
    expect(line.match(/[ML]/g)).toHaveLength(4);
    const last = svg.querySelector('.pp-sparkline__point');
    expect(Number(last?.getAttribute('cy'))).toBeLessThanOrEqual(4);
    expect(svg.querySelector('title')?.textContent).toBe('Signups: 4 readings, latest 5');
  });

  it('draws the target line and includes it in the scale and the label', () => {
    render(<Sparkline values={[10, 12]} target={20} unit="%" label="Uptime" height={40} />);
    const svg = screen.getByRole('img', { name: 'Uptime: 2 readings, latest 12%, target 20%' });
    const target = svg.querySelector('.pp-sparkline__target');
    expect(target).not.toBeNull();
    expect(Number(target?.getAttribute('y1'))).toBeLessThan(
      Number(svg.querySelector('.pp-sparkline__point')?.getAttribute('cy')),
    );
  });

  it('handles no readings: no line, a placeholder, and a label that says so', () => {
    render(<Sparkline values={[]} label="Revenue" />);
    const svg = screen.getByRole('img', { name: 'Revenue: no readings yet' });
    expect(svg.querySelector('.pp-sparkline__line')).toBeNull();
    expect(svg.querySelector('.pp-sparkline__empty')).not.toBeNull();
    expect(numbersIn(svg).join(' ')).not.toMatch(/NaN|Infinity/);
  });

  it('handles one reading: a single point in the middle, no NaN', () => {
    render(<Sparkline values={[7]} target={7} label="NPS" width={80} height={20} />);
    const svg = screen.getByRole('img', { name: 'NPS: 1 reading, latest 7, target 7' });
    expect(svg.querySelector('.pp-sparkline__line')).toBeNull();
    const point = svg.querySelector('.pp-sparkline__point');
    expect(point?.getAttribute('cx')).toBe('40');
    expect(point?.getAttribute('cy')).toBe('10');
    expect(numbersIn(svg).join(' ')).not.toMatch(/NaN|Infinity/);
  });

  it('skips non-finite values and keeps flat series inside the box', () => {
    const { points } = sparklinePoints([5, Number.NaN, 5, 5], 60, 20);
    expect(points).toHaveLength(3);
    for (const p of points) {
      expect(p.y).toBe(10);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(60);
    }
  });
});
