// registered_delivery as a person asks for it: which receipt, which SME acknowledgements, whether intermediate
// notifications too. The byte they make is said beside the select, as the trace will show it.
import { useId } from 'react';
import {
  receiptOf,
  REGISTERED_DELIVERY_FLAGS,
  RECEIPT_CHOICES,
  registeredDeliveryHex,
  withFlag,
  withReceipt,
} from '../../compose/registered-delivery';
import { CheckInput, ChoiceSelect, type ControlAria } from './OptionControls';

interface DeliveryReceiptProps {
  registeredDelivery: number;
  onChange: (registeredDelivery: number) => void;
  aria: (describedBy: string) => ControlAria;
}

export function DeliveryReceipt({ registeredDelivery, onChange, aria }: DeliveryReceiptProps) {
  const byteId = useId();
  return (
    <>
      <ChoiceSelect
        label="Delivery receipt"
        choices={RECEIPT_CHOICES}
        value={receiptOf(registeredDelivery)}
        onChange={(receipt) => onChange(withReceipt(registeredDelivery, receipt))}
        aria={aria(byteId)}
      >
        <span id={byteId} className="hint mono">
          registered_delivery {registeredDeliveryHex(registeredDelivery)}
        </span>
      </ChoiceSelect>
      <div className="compose__checks">
        {REGISTERED_DELIVERY_FLAGS.map(({ flag, bit, label }) => (
          <CheckInput
            key={flag}
            label={label}
            checked={(registeredDelivery & bit) !== 0}
            onChange={(on) => onChange(withFlag(registeredDelivery, bit, on))}
          />
        ))}
      </div>
    </>
  );
}
