// How the link is kept and paced once bound (keep-alive, timeouts, window, rate), what happens when it drops,
// and what this SMSC means by data_coding 0 — SMSCs disagree, so it is a per-profile setting.
import { useProfileForm } from './form-context';
import { DEFAULT_ALPHABET_CHOICES, RECEIPT_ID_CHOICES, SPLIT_CHOICES } from '../../compose/compose-options';
import { CheckField, NumberField, SelectField, TextField } from './FormFields';

export function LinkSection() {
  const { form } = useProfileForm();
  return (
    <>
      <fieldset className="profile-form__group">
        <legend>Link</legend>
        <NumberField path="enquireLinkIntervalMs" />
        <NumberField path="enquireLinkMisses" />
        <NumberField path="responseTimeoutMs" />
        <NumberField path="windowSize" />
        <NumberField path="maxSubmitRate" />
        <NumberField path="throttleRetries" hint="After ESME_RTHROTTLED or ESME_RMSGQFUL, before the submit counts as failed." />
        <CheckField path="submitMulti" />
        <SelectField path="defaultSplit" choices={SPLIT_CHOICES} hint="The compose pane starts with this; a message may choose otherwise." />
      </fieldset>
      <fieldset className="profile-form__group">
        <legend>Reconnect</legend>
        <CheckField path="reconnect.enabled" />
        {form.settings.reconnect.enabled && (
          <>
            <NumberField path="reconnect.minBackoffMs" />
            <NumberField path="reconnect.maxBackoffMs" />
          </>
        )}
      </fieldset>
      <fieldset className="profile-form__group">
        <legend>Messages</legend>
        <SelectField path="defaultAlphabet" choices={DEFAULT_ALPHABET_CHOICES} hint="SMPP leaves the default alphabet to the SMSC." />
        <SelectField
          path="receiptIds"
          choices={RECEIPT_ID_CHOICES}
          hint="How this SMSC writes message_id in receipts, against submit_sm_resp. Set it when receipts stay unmatched."
        />
        <TextField path="notes" multiline />
      </fieldset>
    </>
  );
}
