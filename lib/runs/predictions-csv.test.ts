import { describe, expect, it } from 'vitest';
import type { PredictionRow } from '@/lib/db/predictions';
import { csvText, PREDICTIONS_CSV_HEADER, predictionsCsv, predictionsFileName } from './predictions-csv';
import { predictionModelName } from '@/lib/forecast/compared-models';

const NO_BOUNDS = { lo80: null, hi80: null, lo95: null, hi95: null, p10: null, p50: null, p90: null };

describe('predictionsCsv', () => {
  it('starts with timestamp,forecast,actual, then the bounds, ends with P10/P50/P90, and leaves unknown cells empty', () => {
    const rows: PredictionRow[] = [
      { timestamp: '2024-01-01T00:00:00.000Z', forecast: 1.5, actual: 2, segment: 'test', ...NO_BOUNDS },
      {
        timestamp: '2024-01-02T00:00:00.000Z',
        forecast: -0.25,
        actual: null,
        segment: 'future',
        lo80: -1,
        hi80: 0.5,
        lo95: null,
        hi95: null,
        p10: -1,
        p50: -0.2,
        p90: 0.5,
      },
    ];
    expect(predictionsCsv(rows, { model: 'lstm', modelName: 'LSTM', series: 'north' })).toBe(
      'timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,modelName,series,p10,p50,p90\n' +
        '2024-01-01T00:00:00.000Z,1.5,2,,,,,test,lstm,LSTM,north,,,\n' +
        '2024-01-02T00:00:00.000Z,-0.25,,-1,0.5,,,future,lstm,LSTM,north,-1,-0.2,0.5\n',
    );
  });

  it('names the champion average as the run page does, beside its stable key', () => {
    const row: PredictionRow = {
      timestamp: '2024-01-01T00:00:00.000Z',
      forecast: 1,
      actual: 1,
      segment: 'test',
      ...NO_BOUNDS,
    };
    const modelName = predictionModelName('ensemble', ['autoArima', 'lstm']);
    expect(modelName).toBe('Average of AutoARIMA + LSTM');
    const [header, line] = predictionsCsv([row], { model: 'ensemble', modelName, series: 's' }).split('\n');
    expect(header.split(',').indexOf('modelName')).toBe(header.split(',').indexOf('model') + 1);
    expect(line).toContain(',test,ensemble,Average of AutoARIMA + LSTM,s,');
  });

  it('is just the header without rows', () => {
    expect(predictionsCsv([], { model: 'drift', modelName: 'Drift', series: 's' })).toBe(`${PREDICTIONS_CSV_HEADER}\n`);
  });

  it('neutralises a series name a spreadsheet would run as a formula', () => {
    const row: PredictionRow = {
      timestamp: '2024-01-01T00:00:00.000Z',
      forecast: -5,
      actual: -4,
      segment: 'test',
      ...NO_BOUNDS,
    };
    const [, line] = predictionsCsv([row], {
      model: 'lstm',
      modelName: 'LSTM',
      series: '=HYPERLINK("http://x","y")',
    }).split('\n');
    expect(line).toBe(`2024-01-01T00:00:00.000Z,-5,-4,,,,,test,lstm,LSTM,"'=HYPERLINK(""http://x"",""y"")",,,`);
  });
});

describe('csvText', () => {
  it('prefixes formula-like text and quotes it', () => {
    expect(csvText('=1+1')).toBe(`"'=1+1"`);
    expect(csvText('+cmd|x')).toBe(`"'+cmd|x"`);
    expect(csvText('-2+3 sales')).toBe(`"'-2+3 sales"`);
    expect(csvText('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvText('  =1')).toBe(`"'  =1"`);
    expect(csvText('\tx')).toBe(`"'\tx"`);
  });

  it('keeps numbers and plain text, quoting only delimiters and quotes', () => {
    expect(csvText('-5')).toBe('-5');
    expect(csvText('+3.5')).toBe('+3.5');
    expect(csvText('store_north')).toBe('store_north');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('predictionsFileName', () => {
  it('keeps safe characters and replaces the rest', () => {
    expect(predictionsFileName('store_north', 'abc123', 'mstl')).toBe('store_north-mstl-run-abc123-predictions.csv');
    expect(predictionsFileName('Sales (€) "EU"/2024', 'r1', 'lstm')).toBe('Sales-EU-2024-lstm-run-r1-predictions.csv');
    expect(predictionsFileName('***', 'r1', 'drift')).toBe('series-drift-run-r1-predictions.csv');
  });

  it('names series, model and run for CSV and JSON alike', () => {
    expect(predictionsFileName('north', 'r1', 'seasonalNaive')).toBe('north-seasonalNaive-run-r1-predictions.csv');
    expect(predictionsFileName('north', 'r1', 'ensemble', 'json')).toBe('north-ensemble-run-r1-predictions.json');
  });
});
