package io.astralytiq.runtime.egress;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.96.0.0/12} or {@code fd00::/8}; an address without a prefix is one host. */
record Cidr(byte[] network, int prefix, String text) {

  static Cidr parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    if (!address.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("'" + text + "' is not an address range such as 10.96.0.0/12");
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("'" + text + "': the prefix must be 0 to " + bytes.length * 8);
      }
      return new Cidr(bytes, prefix, s);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an address range such as 10.96.0.0/12", e);
    }
  }

  boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    int shift = a.length * 8 - prefix;
    return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
  }
}
