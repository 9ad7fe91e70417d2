#!/usr/bin/perl
# An SMSC written on Net::SMPP (Debian's libnet-smpp-perl): an SMPP implementation independent of ours, for
# the interop tests. Binds TX, RX and TRX; answers submit_sm with a decimal message_id and later sends its
# delivery receipt (text and TLVs) to a session of the same system_id that can receive; sends each receiver
# one MO message after it binds; answers enquire_link and unbind. Prints "PORT n" once listening.
use strict;
use warnings;
use IO::Select;
use Net::SMPP;
use POSIX qw(strftime);

$| = 1;
my $listen = Net::SMPP->new_listen('127.0.0.1', port => 0, async => 1, smpp_version => 0x34)
  or die "cannot listen: $!";
print "PORT ", $listen->sockport, "\n";

my $select = IO::Select->new($listen);
my %sessions;      # fileno => { smpp, mode, system_id }
my @due;           # [ time, fileno-or-system_id, sub ]
my $next_id = 4000;

sub receiver_for {
  my ($origin) = @_;
  return $origin if $origin->{mode} ne 'tx';
  for my $s (values %sessions) { return $s if $s->{mode} ne 'tx' && $s->{system_id} eq $origin->{system_id} }
  return undef;
}

sub handle {
  my ($s, $pdu) = @_;
  my $smpp = $s->{smpp};
  my $cmd = $pdu->{cmd};
  if ($cmd == 0x00000001 || $cmd == 0x00000002 || $cmd == 0x00000009) {
    $s->{mode} = { 1 => 'rx', 2 => 'tx', 9 => 'trx' }->{$cmd};
    $s->{system_id} = $pdu->{system_id};
    my $method = { 1 => 'bind_receiver_resp', 2 => 'bind_transmitter_resp', 9 => 'bind_transceiver_resp' }->{$cmd};
    $smpp->$method(seq => $pdu->{seq}, system_id => 'NETSMPP');
    if ($s->{mode} ne 'tx') {
      push @due, [ time, sub {
        $smpp->deliver_sm(source_addr => '447700900999', destination_addr => '12345', data_coding => 0,
                          short_message => 'MO via Net::SMPP: hello_world');
      } ];
    }
  } elsif ($cmd == 0x00000004) {
    my $id = ++$next_id;
    $smpp->submit_sm_resp(seq => $pdu->{seq}, message_id => "$id");
    my $date = strftime('%y%m%d%H%M', gmtime);
    my $text = "id:$id sub:001 dlvrd:001 submit date:$date done date:$date stat:DELIVRD err:000 text:"
      . substr($pdu->{short_message}, 0, 20);
    my ($from, $to) = ($pdu->{destination_addr}, $pdu->{source_addr});
    push @due, [ time, sub {
      my $target = receiver_for($s) or return;
      $target->{smpp}->deliver_sm(source_addr => $from, destination_addr => $to, esm_class => 0x04, data_coding => 0,
                                  short_message => $text, receipted_message_id => "$id\0", message_state => pack('C', 2));
    } ];
  } elsif ($cmd == 0x00000015) {
    $smpp->enquire_link_resp(seq => $pdu->{seq});
  } elsif ($cmd == 0x00000006) {
    $smpp->unbind_resp(seq => $pdu->{seq});
  }
}

while (1) {
  for my $fh ($select->can_read(0.02)) {
    if ($fh == $listen) {
      my $conn = $listen->accept or next;
      $select->add($conn);
      $sessions{fileno $conn} = { smpp => $conn, mode => 'none', system_id => '' };
      next;
    }
    my $pdu = $fh->read_pdu;
    if (!$pdu) {
      $select->remove($fh);
      delete $sessions{fileno $fh};
      close $fh;
      next;
    }
    handle($sessions{fileno $fh}, $pdu);
  }
  my @later;
  for my $job (@due) { if ($job->[0] <= time) { $job->[1]->() } else { push @later, $job } }
  @due = @later;
}
