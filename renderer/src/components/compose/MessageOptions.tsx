// Message options: every other submit_sm field, collapsed under the compose fields because most messages need
// none of them. The summary counts what differs from the defaults, so options left set are never forgotten.
import { optionField, type OptionsForm, type OptionsFormKey } from '../../compose/options-form';
import {
  MESSAGE_CLASS_CHOICES,
  MESSAGE_TYPE_CHOICES,
  MESSAGING_MODE_CHOICES,
  NPI_CHOICES,
  PRIORITY_CHOICES,
  TON_CHOICES,
} from '../../compose/option-choices';
import { DeliveryReceipt } from './DeliveryReceipt';
import { CheckInput, ChoiceSelect, FieldInput, type FieldAria } from './OptionControls';
import { SmppTimePicker } from './SmppTimePicker';
import { TlvEditor } from './TlvEditor';

interface MessageOptionsProps {
  form: OptionsForm;
  onChange: <K extends OptionsFormKey>(key: K, value: OptionsForm[K]) => void;
  fieldAria: FieldAria;
  /** How many options differ from their defaults. */
  changed: number;
  open: boolean;
  onToggle: (open: boolean) => void;
}

export function MessageOptions({ form, onChange, fieldAria, changed, open, onToggle }: MessageOptionsProps) {
  const aria = (key: OptionsFormKey, ...describedBy: string[]) => fieldAria(optionField(key), ...describedBy);
  const control = <K extends OptionsFormKey>(key: K) => ({
    value: form[key],
    onChange: (value: OptionsForm[K]) => onChange(key, value),
    aria: aria(key),
  });
  const tonNpi = (label: string, key: 'sourceAddrTon' | 'sourceAddrNpi' | 'destAddrTon' | 'destAddrNpi') => (
    <ChoiceSelect label={label} choices={key.endsWith('Ton') ? TON_CHOICES : NPI_CHOICES} {...control(key)} />
  );

  return (
    <details className="compose__section" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary>
        Message options
        {changed > 0 && <span className="muted"> · {changed} changed</span>}
      </summary>
      <div className="compose__grid">
        <FieldInput label="service_type" {...control('serviceType')} placeholder="(empty)">
          <span className="hint">5 characters at most</span>
        </FieldInput>
        {tonNpi('Source TON', 'sourceAddrTon')}
        {tonNpi('Source NPI', 'sourceAddrNpi')}
        {tonNpi('Destination TON', 'destAddrTon')}
        {tonNpi('Destination NPI', 'destAddrNpi')}

        <ChoiceSelect label="Messaging mode" choices={MESSAGING_MODE_CHOICES} {...control('messagingMode')} />
        <ChoiceSelect label="Message type" choices={MESSAGE_TYPE_CHOICES} {...control('messageType')} />
        <CheckInput label="Reply path" checked={form.replyPath} onChange={(on) => onChange('replyPath', on)} aria={aria('replyPath')} />

        <FieldInput label="protocol_id" {...control('protocolId')} range={{ min: 0, max: 255 }} placeholder="0" />
        <ChoiceSelect label="Priority" choices={PRIORITY_CHOICES} {...control('priorityFlag')} />
        <SmppTimePicker
          label="Schedule delivery"
          smppField="schedule_delivery_time"
          pick={form.scheduleDeliveryTime}
          onChange={(pick) => onChange('scheduleDeliveryTime', pick)}
          aria={(describedBy) => aria('scheduleDeliveryTime', describedBy)}
        />
        <SmppTimePicker
          label="Validity period"
          smppField="validity_period"
          pick={form.validityPeriod}
          onChange={(pick) => onChange('validityPeriod', pick)}
          aria={(describedBy) => aria('validityPeriod', describedBy)}
        />
        <DeliveryReceipt
          registeredDelivery={form.registeredDelivery}
          onChange={(value) => onChange('registeredDelivery', value)}
          aria={(describedBy) => aria('registeredDelivery', describedBy)}
        />
        <CheckInput
          label="Replace if present"
          checked={form.replaceIfPresent}
          onChange={(on) => onChange('replaceIfPresent', on)}
          aria={aria('replaceIfPresent')}
        />

        <ChoiceSelect label="Message class" choices={MESSAGE_CLASS_CHOICES} {...control('messageClass')}>
          <span className="hint">sets data_coding&apos;s class bits; class 0 is shown at once, not stored</span>
        </ChoiceSelect>
        <FieldInput label="sm_default_msg_id" {...control('smDefaultMsgId')} range={{ min: 0, max: 255 }} placeholder="0" />

        <TlvEditor rows={form.tlvs} onChange={(rows) => onChange('tlvs', rows)} fieldAria={fieldAria} />
      </div>
    </details>
  );
}
