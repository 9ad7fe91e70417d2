// What the bind PDU carries: mode, credentials, version and the address range with its TON/NPI. The password
// is write-only: the form never sees a stored one, only whether there is one.
import { NPI_NAMES, TON_NAMES } from '../../../../shared/profile-defaults';
import { INTERFACE_VERSIONS } from '../../../../shared/smpp-limits';
import { useProfileForm } from './form-context';
import { CheckField, SelectField, TextField, type Choice } from './FormFields';

const BIND_MODES: readonly Choice[] = [
  { value: 'transmitter', label: 'Transmitter (TX)' },
  { value: 'receiver', label: 'Receiver (RX)' },
  { value: 'transceiver', label: 'Transceiver (TRX)' },
];

const versionLabel = (version: number) => `${version >> 4}.${version & 0xf} (0x${version.toString(16)})`;

/** Named values as "1 · International"; a saved value outside the names (an import) stays choosable. */
function numberedChoices(names: Record<number, string>, current: number): Choice[] {
  const known = Object.entries(names).map(([value, name]) => ({ value, label: `${value} · ${name}` }));
  const kept = current in names ? [] : [{ value: String(current), label: `${current} · (no name)` }];
  return [...known, ...kept].sort((a, b) => Number(a.value) - Number(b.value));
}

function versionChoices(current: number): Choice[] {
  const versions: number[] = [...INTERFACE_VERSIONS];
  if (!versions.includes(current)) versions.push(current);
  return versions.map((version) => ({ value: String(version), label: versionLabel(version) }));
}

export function BindSection() {
  const { form, editing } = useProfileForm();
  const { settings, clearPassword } = form;
  const keepsStored = editing?.passwordSet === true;
  return (
    <fieldset className="profile-form__group">
      <legend>Bind</legend>
      <SelectField path="bindMode" choices={BIND_MODES} />
      <TextField path="systemId" mono />
      <TextField
        path="password"
        type="password"
        // Not a login to this console: keep the browser from filling in a saved one.
        autoComplete="new-password"
        placeholder={keepsStored && !clearPassword ? 'unchanged' : undefined}
        disabled={clearPassword}
        hint={keepsStored ? 'Leave empty to keep the stored password.' : undefined}
      />
      {keepsStored && <CheckField path="clearPassword" />}
      <CheckField
        path="rememberPassword"
        hint={`Otherwise the browser host keeps it only until it stops.${keepsStored ? ' Applies to a password typed above.' : ''}`}
      />
      <TextField path="systemType" mono />
      <SelectField path="interfaceVersion" numeric choices={versionChoices(settings.interfaceVersion)} />
      <SelectField path="addrTon" numeric choices={numberedChoices(TON_NAMES, settings.addrTon)} />
      <SelectField path="addrNpi" numeric choices={numberedChoices(NPI_NAMES, settings.addrNpi)} />
      <TextField path="addressRange" mono hint="Usually empty: most SMSCs ignore it." />
    </fieldset>
  );
}
