import { describe, expect, it } from 'vitest';
import { Listeners } from '../../main/core/shared/listeners';

describe('Listeners', () => {
  it('calls every listener in order with the arguments, and stops calling one that was removed', () => {
    const heard: string[] = [];
    const l = new Listeners<[a: number, b: string]>('test');
    const offFirst = l.add((a, b) => heard.push(`first ${a} ${b}`));
    l.add((a, b) => heard.push(`second ${a} ${b}`));
    l.emit(1, 'x');
    offFirst();
    l.emit(2, 'y');
    expect(heard).toEqual(['first 1 x', 'second 1 x', 'second 2 y']);
    expect(l.size).toBe(1);
  });

  it('catches a throwing listener, still calls the rest, and logs the event and the error name or code, not its message', () => {
    const logged: string[] = [];
    const heard: number[] = [];
    const l = new Listeners<[n: number]>('guard notice', (line) => logged.push(line));
    l.add(() => {
      throw new TypeError('customer text 0501234567');
    });
    l.add(() => {
      throw Object.assign(new Error('token abc'), { code: 'window_closed' });
    });
    l.add(() => {
      throw 'a bare string with a secret';
    });
    l.add((n) => heard.push(n));
    expect(() => l.emit(7)).not.toThrow();
    expect(heard).toEqual([7]);
    expect(logged).toEqual([
      'guard notice: a listener failed (TypeError)',
      'guard notice: a listener failed (window_closed)',
      'guard notice: a listener failed (error)',
    ]);
  });

  it('a listener that removes itself or adds another during an event does not change who hears that event', () => {
    const heard: string[] = [];
    const l = new Listeners<[]>('test');
    const off = l.add(() => {
      heard.push('once');
      off();
      l.add(() => heard.push('late'));
    });
    l.add(() => heard.push('steady'));
    l.emit();
    l.emit();
    expect(heard).toEqual(['once', 'steady', 'steady', 'late']);
  });
});
