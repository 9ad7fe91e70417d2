#!/usr/bin/perl
# An ESME written on Net::SMPP (Debian's libnet-smpp-perl), driven line by line for the simulator's interop tests:
# one JSON command a line on stdin, one JSON answer a line on stdout. Commands:
#   {"op":"connect","host":H,"port":P}                      → {"op":"connected"} or {"op":"error",...}
#   {"op":"<request>","args":{...}}  (bind_transceiver, bind_receiver, bind_transmitter, submit_sm, data_sm, query_sm,
#                                     enquire_link, unbind: Net::SMPP's own methods, fields and TLVs by name)
#                                                          → {"op":"sent","seq":N}
#   {"op":"read","timeout":seconds}                        → {"op":"pdu",...} / {"op":"timeout"} / {"op":"eof",...}
#   {"op":"close"}                                         → {"op":"closed"}, then exits
# Every PDU read is reported with its command name, status, sequence and fields (bytes as Latin-1 characters);
# deliver_sm, data_sm, enquire_link and unbind are answered as an ESME must (status 0) before the report.
use strict;
use warnings;
use IO::Select;
use JSON::PP;
use Net::SMPP;

$| = 1;
my $json = JSON::PP->new->ascii->canonical->allow_nonref;
my %names = (
  0x80000000 => 'generic_nack', 0x00000001 => 'bind_receiver', 0x80000001 => 'bind_receiver_resp',
  0x00000002 => 'bind_transmitter', 0x80000002 => 'bind_transmitter_resp', 0x00000003 => 'query_sm',
  0x80000003 => 'query_sm_resp', 0x00000004 => 'submit_sm', 0x80000004 => 'submit_sm_resp', 0x00000005 => 'deliver_sm',
  0x80000005 => 'deliver_sm_resp', 0x00000006 => 'unbind', 0x80000006 => 'unbind_resp', 0x00000009 => 'bind_transceiver',
  0x80000009 => 'bind_transceiver_resp', 0x00000015 => 'enquire_link', 0x80000015 => 'enquire_link_resp',
  0x00000103 => 'data_sm', 0x80000103 => 'data_sm_resp',
);
my %requests = map { $_ => 1 } qw(bind_transceiver bind_receiver bind_transmitter submit_sm data_sm query_sm enquire_link unbind);
my $smpp;

sub answer { print $json->encode($_[0]), "\n" }

sub report {
  my ($pdu) = @_;
  my %fields;
  for my $key (keys %$pdu) {
    next if $key =~ /^(data|cmd|status|seq|known_pdu|reserved|\d+)$/ || ref $pdu->{$key};
    $fields{$key} = $pdu->{$key};
  }
  my $name = $names{$pdu->{cmd}} // sprintf('0x%08x', $pdu->{cmd});
  if ($name eq 'deliver_sm') { $smpp->deliver_sm_resp(seq => $pdu->{seq}, message_id => '') }
  elsif ($name eq 'data_sm') { $smpp->data_sm_resp(seq => $pdu->{seq}, message_id => '') }
  elsif ($name eq 'enquire_link') { $smpp->enquire_link_resp(seq => $pdu->{seq}) }
  elsif ($name eq 'unbind') { $smpp->unbind_resp(seq => $pdu->{seq}) }
  answer({ op => 'pdu', command => $name, status => $pdu->{status}, seq => $pdu->{seq}, fields => \%fields, body => $pdu->{data} });
}

while (my $line = <STDIN>) {
  my $c = $json->decode($line);
  my $op = $c->{op};
  if ($op eq 'connect') {
    $smpp = Net::SMPP->new_connect($c->{host}, port => $c->{port}, smpp_version => 0x34, async => 1, timeout => 5);
    answer($smpp ? { op => 'connected' } : { op => 'error', error => "cannot connect: $!" });
  } elsif ($requests{$op}) {
    my $seq = $smpp->$op(%{ $c->{args} // {} });
    answer({ op => 'sent', seq => $seq });
  } elsif ($op eq 'read') {
    if (!IO::Select->new($smpp)->can_read($c->{timeout} // 2)) { answer({ op => 'timeout' }); next }
    my $pdu = $smpp->read_pdu;
    if ($pdu) { report($pdu) } else { answer({ op => 'eof', error => ${*$smpp}{smpperror} // 'closed' }) }
  } elsif ($op eq 'close') {
    close $smpp if $smpp;
    answer({ op => 'closed' });
    exit 0;
  } else {
    answer({ op => 'error', error => "unknown op $op" });
  }
}
