// The parties' obligations under the PKS, by due date, each with the PKS article its date
// comes from and whether it is fulfilled or overdue. The secretariat records them while the
// agreement is in force; the secretariat or the owning agency records a fulfilment. The API decides.
import { useState } from 'react';
import { post } from '../api/client';
import type { Agreement } from '../api/types';
import { hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { DateInput } from '../components/DateInput';
import { ErrorMessage, QueryView } from '../components/Status';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useAgreementObligations, useObligationAction } from './useAgreementObligations';

const m = (id: string, en: string) => ({ id, en });
const TEXT = {
  title: m('Kewajiban para pihak', 'Obligations of the parties'),
  basis: m(
    'Tanggal jatuh tempo menurut PKS (pasal disebut pada setiap baris). Pengingat pukul 07.00 waktu daerah (AGREEMENT_OBLIGATION_REMINDER_DAYS hari sebelumnya).',
    'Due dates as the PKS sets them (the article named on each row). Reminders at 07:00 region time (AGREEMENT_OBLIGATION_REMINDER_DAYS days before).',
  ),
  none: m('Belum ada kewajiban yang dicatat.', 'No obligations recorded yet.'),
  party: m('Pihak', 'Party'),
  what: m('Kewajiban', 'Obligation'),
  dueOn: m('Jatuh tempo', 'Due'),
  source: m('Sumber tanggal', 'Source of the date'),
  state: m('Keadaan', 'State'),
  fulfilled: m('Terpenuhi', 'Fulfilled'),
  overdue: m('Lewat tenggat', 'Overdue'),
  open: m('Belum jatuh tempo', 'Not yet due'),
  fulfil: m('Catat terpenuhi', 'Record as fulfilled'),
  add: m('Catat kewajiban dari PKS', 'Record an obligation from the PKS'),
  region: m('Pemerintah daerah', 'The region'),
  partner: m('Mitra kerja sama', 'The partner'),
  save: m('Simpan kewajiban', 'Save obligation'),
};

export function ObligationsPanel({ agreement: a }: { agreement: Agreement }) {
  const { pick, lang } = useI18n();
  const user = useUser();
  const obligations = useAgreementObligations(a.id);
  const inForce = a.stage === 'IMPLEMENTATION';
  const secretariat = hasRole(user, 'SECRETARIAT', a.regionCode);
  const owner = user.grants.some((g) => g.role === 'OFFICER' && g.regionCode === a.regionCode && g.agency === a.owningAgency);
  const fulfil = useObligationAction(a.id, (id: string) => post(`/agreements/${a.id}/obligations/${id}/fulfil`, {}));
  return (
    <section className="card" aria-labelledby="obligations-title" data-testid="agreement-obligations">
      <h2 id="obligations-title">{pick(TEXT.title)}</h2>
      <p className="hint">{pick(TEXT.basis)}</p>
      <QueryView query={obligations}>
        {(list) =>
          list.length === 0 ? (
            <p>{pick(TEXT.none)}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{pick(TEXT.dueOn)}</th>
                    <th scope="col">{pick(TEXT.party)}</th>
                    <th scope="col">{pick(TEXT.what)}</th>
                    <th scope="col">{pick(TEXT.source)}</th>
                    <th scope="col">{pick(TEXT.state)}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((o) => (
                    <tr key={o.id} className={o.overdueAt && !o.fulfilledAt ? 'late' : undefined}>
                      <td>{formatDate(o.dueOn, lang)}</td>
                      <td>{pick(o.partyLabel)}</td>
                      <td>{o.description}</td>
                      <td>{o.source}</td>
                      <td>
                        {o.fulfilledAt ? (
                          `${pick(TEXT.fulfilled)} · ${o.fulfilledByName ?? ''}`
                        ) : (
                          <>
                            <strong>{pick(o.overdueAt ? TEXT.overdue : TEXT.open)}</strong>
                            {(secretariat || owner) && (
                              <button type="button" disabled={fulfil.isPending} onClick={() => fulfil.mutate(o.id)}>
                                {pick(TEXT.fulfil)}
                              </button>
                            )}
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      {fulfil.error && <ErrorMessage error={fulfil.error} />}
      {inForce && secretariat && <RecordObligationForm agreementId={a.id} />}
    </section>
  );
}

function RecordObligationForm({ agreementId }: { agreementId: string }) {
  const { pick } = useI18n();
  const [party, setParty] = useState<'REGION' | 'PARTNER'>('PARTNER');
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [source, setSource] = useState('');
  const record = useObligationAction(agreementId, () => post(`/agreements/${agreementId}/obligations`, { party, description, dueOn, source }));
  return (
    <form
      className="doc-form"
      aria-label={pick(TEXT.add)}
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(undefined, {
          onSuccess: () => {
            setDescription('');
            setDueOn('');
            setSource('');
          },
        });
      }}
    >
      <h3>{pick(TEXT.add)}</h3>
      <label>
        {pick(TEXT.party)}
        <select value={party} onChange={(e) => setParty(e.target.value as 'REGION' | 'PARTNER')}>
          <option value="PARTNER">{pick(TEXT.partner)}</option>
          <option value="REGION">{pick(TEXT.region)}</option>
        </select>
      </label>
      <label>
        {pick(TEXT.what)}
        <input value={description} onChange={(e) => setDescription(e.target.value)} required maxLength={500} />
      </label>
      <label>
        {pick(TEXT.dueOn)}
        <DateInput value={dueOn} onChange={setDueOn} required />
      </label>
      <label>
        {pick(TEXT.source)}
        <input value={source} onChange={(e) => setSource(e.target.value)} required maxLength={200} placeholder="PKS … Pasal …" />
      </label>
      <button type="submit" disabled={record.isPending}>
        {pick(TEXT.save)}
      </button>
      {record.error && <ErrorMessage error={record.error} />}
    </form>
  );
}
