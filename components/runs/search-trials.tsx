// The run's hyperparameter search, folded away: what the LSTM family trained with, and each trial
// (settings, epochs, validation MAE, outcome) in a table narrow enough for a phone.
import { Table } from '@/components/ui/table';
import { formatCount, formatNumber } from '@/lib/client/format';
import { searchOutcomeText, searchSettingsText, searchSummaryText, type StoredSearch } from '@/lib/client/search';

export function SearchTrials({ search }: { search: StoredSearch }) {
  return (
    <details data-testid="search-trials">
      <summary>
        Hyperparameter search: <span data-testid="search-chosen">{searchSettingsText(search.chosen)}</span>
      </summary>
      <p className="muted">{searchSummaryText(search)}</p>
      {search.trials.length > 0 && (
        <Table caption="Hyperparameter search trials" compact>
          <thead>
            <tr>
              <th scope="col">Settings</th>
              <th scope="col" className="num">
                Epochs
              </th>
              <th scope="col" className="num">
                Val. MAE
              </th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {search.trials.map((trial, i) => (
              <tr key={i} data-outcome={trial.outcome}>
                <th scope="row">{searchSettingsText(trial.config)}</th>
                <td className="num">{formatCount(trial.epochs)}</td>
                <td className="num">{formatNumber(trial.validationMae)}</td>
                <td>{searchOutcomeText(trial.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </details>
  );
}
