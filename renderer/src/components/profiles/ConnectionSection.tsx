// Where the SMSC is and how the link to it is made: its address, connecting out or listening for its outbind,
// and TLS. Inputs that only matter for one choice (outbind port, TLS files) appear with that choice.
import { useProfileForm } from './form-context';
import { CheckField, NumberField, SelectField, TextField, type Choice } from './FormFields';
import { OutbindPlanLine } from './OutbindPlanLine';

const CONNECT_MODES: readonly Choice[] = [
  { value: 'connect', label: 'Connect to the SMSC' },
  { value: 'outbind', label: 'Listen for outbind' },
];

const ON_CONSOLE_HOST = 'Path of a PEM file on the machine the console runs on';

export function ConnectionSection() {
  const { form, editing } = useProfileForm();
  const { connectMode, tls, host, outbindAddress } = form.settings;
  // The simulator's address changes every run; saying so beats letting an edit look as if it took effect.
  const simulatorHint = editing?.builtinSimulator ? 'Follows wherever the built-in simulator listens this run.' : undefined;
  return (
    <>
      <fieldset className="profile-form__group">
        <legend>Connection</legend>
        <TextField path="name" initialFocus />
        <TextField path="host" mono hint={simulatorHint} />
        <NumberField path="port" hint={simulatorHint} />
        <SelectField path="connectMode" choices={CONNECT_MODES} />
        {connectMode === 'outbind' && (
          <>
            <NumberField
              path="outbindPort"
              hint="The console listens on this port for the SMSC's outbind, then answers it with bind_receiver."
            />
            <TextField
              path="outbindAddress"
              mono
              placeholder="automatic"
              hint="Empty: 127.0.0.1 when the SMSC is on this machine, else the address of the interface that routes to it. Never every interface: whoever completes an outbind is sent this profile's password."
            />
            <TextField
              path="outbindSystemId"
              mono
              placeholder="this profile's System ID"
              hint="The system_id the SMSC's outbind must carry; its password must be this profile's, when one is set. Anything else is refused and shown in the trace."
            />
            <OutbindPlanLine host={host} listenAddress={outbindAddress} />
          </>
        )}
      </fieldset>
      <fieldset className="profile-form__group">
        <legend>TLS</legend>
        <CheckField path="tls.enabled" />
        {tls.enabled && (
          <>
            <CheckField
              path="tls.acceptUntrusted"
              warning
              hint="Warning: the server's identity is then not checked. Anyone on the path can pose as the SMSC and read the password and every message."
            />
            <TextField path="tls.caFile" mono hint={`${ON_CONSOLE_HOST}; empty = the system's trusted authorities.`} />
            <TextField path="tls.certFile" mono hint={`${ON_CONSOLE_HOST}; only for SMSCs that ask for a client certificate.`} />
            <TextField path="tls.keyFile" mono hint={`${ON_CONSOLE_HOST}: the client certificate's private key.`} />
          </>
        )}
      </fieldset>
    </>
  );
}
