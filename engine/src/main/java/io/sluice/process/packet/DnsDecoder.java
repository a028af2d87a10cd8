package io.sluice.process.packet;

import io.sluice.proto.v1beta1.DNS;
import io.sluice.proto.v1beta1.DNSMX;
import io.sluice.proto.v1beta1.DNSQuestion;
import io.sluice.proto.v1beta1.DNSResourceRecord;
import io.sluice.proto.v1beta1.DnsAnswer;
import io.sluice.proto.v1beta1.DnsQueryData;
import io.sluice.proto.v1beta1.DnsQuestions;
import io.sluice.proto.v1beta1.DnsResponseData;
import io.sluice.proto.v1beta1.DnsResponses;

import java.nio.charset.StandardCharsets;

/**
 * A DNS message (RFC 1035, names with compression; questions, answers, authorities and additionals, with the data of
 * A, AAAA, NS, CNAME, PTR, MX and TXT records) into Tracee's {@code DNS}, {@code DnsQuestions} and
 * {@code DnsResponses}, with gopacket's names for types, classes, op codes and response codes as Tracee prints them.
 */
final class DnsDecoder
{
    private static final int MAX_RECORDS = 64;
    private static final String[] OP_CODES = {"query", "iquery", "status", "unknown", "notify", "update"};
    private static final String[] RESPONSE_CODES = {"no error", "format error", "server failure", "non-existent domain",
        "not implemented", "query refused", "yxdomain", "yxrrset", "nxrrset", "notauth", "notzone"};

    private final StringBuilder name = new StringBuilder(256);
    private byte[] bytes;
    private int start;
    private int end;
    private int cursor;

    /**
     * @param packet  the packet.
     * @param offset  where the DNS message starts (UDP payload).
     * @param length  where the captured bytes end.
     * @return the message, or null when it is cut short before its header ends.
     */
    DNS decode(final byte[] packet, final int offset, final int length)
    {
        bytes = packet;
        start = offset;
        end = length;
        if (offset + 12 > length)
        {
            return null;
        }
        final int flags = u16(offset + 2);
        final int qd = u16(offset + 4);
        final int an = u16(offset + 6);
        final int ns = u16(offset + 8);
        final int ar = u16(offset + 10);
        final int opCode = flags >> 11 & 15;
        final int rcode = flags & 15;
        final DNS.Builder dns = DNS.newBuilder().setId(u16(offset)).setQr(flags >> 15).setOpCode(opCode < OP_CODES.length ?
            OP_CODES[opCode] : "unknown").setAa(flags >> 10 & 1).setTc(flags >> 9 & 1).setRd(flags >> 8 & 1)
            .setRa(flags >> 7 & 1).setZ(flags >> 4 & 7)
            .setResponseCode(rcode < RESPONSE_CODES.length ? RESPONSE_CODES[rcode] : "unknown")
            .setQdCount(qd).setAnCount(an).setNsCount(ns).setArCount(ar);
        cursor = offset + 12;
        for (int i = 0; i < Math.min(qd, MAX_RECORDS) && cursor < end; i++)
        {
            final String qname = readName();
            final int type = u16(cursor);
            final int klass = u16(cursor + 2);
            cursor += 4;
            if (cursor > end)
            {
                break;
            }
            dns.addQuestions(DNSQuestion.newBuilder().setName(qname).setType(DnsNames.type(type)).setClass_(DnsNames.klass(klass)));
        }
        final int answers = Math.min(an, MAX_RECORDS);
        final int authorities = answers + Math.min(ns, MAX_RECORDS);
        final int additionals = authorities + Math.min(ar, MAX_RECORDS);
        for (int i = 0; i < additionals && cursor < end; i++)
        {
            final DNSResourceRecord record = readRecord();
            if (record == null)
            {
                break;
            }
            if (i < answers)
            {
                dns.addAnswers(record);
            }
            else if (i < authorities)
            {
                dns.addAuthorities(record);
            }
            else
            {
                dns.addAdditionals(record);
            }
        }
        return dns.build();
    }

    /** Tracee's net_packet_dns_request argument: every question. */
    static DnsQuestions questions(final DNS dns)
    {
        final DnsQuestions.Builder questions = DnsQuestions.newBuilder();
        for (final DNSQuestion question : dns.getQuestionsList())
        {
            questions.addQuestions(query(question));
        }
        return questions.build();
    }

    /** Tracee's net_packet_dns_response argument: the first question with every answer. */
    static DnsResponses responses(final DNS dns)
    {
        final DnsResponseData.Builder response = DnsResponseData.newBuilder();
        if (dns.getQuestionsCount() > 0)
        {
            response.setDnsQueryData(query(dns.getQuestions(0)));
        }
        for (final DNSResourceRecord record : dns.getAnswersList())
        {
            response.addDnsAnswer(DnsAnswer.newBuilder().setType(record.getType()).setTtl(record.getTtl())
                .setAnswer(answer(record)));
        }
        return DnsResponses.newBuilder().addResponses(response).build();
    }

    private static DnsQueryData query(final DNSQuestion question)
    {
        return DnsQueryData.newBuilder().setQuery(question.getName()).setQueryType(question.getType())
            .setQueryClass(question.getClass_()).build();
    }

    private static String answer(final DNSResourceRecord record)
    {
        return switch (record.getType())
        {
            case "A", "AAAA" -> record.getIp();
            case "NS" -> record.getNs();
            case "CNAME" -> record.getCname();
            case "PTR" -> record.getPtr();
            case "MX" -> record.getMx().getName();
            case "TXT" -> record.getTxt();
            default -> "not implemented";
        };
    }

    private DNSResourceRecord readRecord()
    {
        final String owner = readName();
        if (cursor + 10 > end)
        {
            return null;
        }
        final int type = u16(cursor);
        final int klass = u16(cursor + 2);
        final long ttl = (long)u16(cursor + 4) << 16 | u16(cursor + 6);
        final int rdLength = u16(cursor + 8);
        final int data = cursor + 10;
        cursor = data + rdLength;
        if (cursor > end)
        {
            return null;
        }
        final DNSResourceRecord.Builder record = DNSResourceRecord.newBuilder().setName(owner).setType(DnsNames.type(type))
            .setClass_(DnsNames.klass(klass)).setTtl((int)ttl);
        if (type == 1 && rdLength == 4)
        {
            record.setIp((bytes[data] & 0xff) + "." + (bytes[data + 1] & 0xff) + "." + (bytes[data + 2] & 0xff) + "."
                + (bytes[data + 3] & 0xff));
        }
        else if (type == 28 && rdLength == 16)
        {
            final byte[] raw = new byte[16];
            System.arraycopy(bytes, data, raw, 0, 16);
            record.setIp(Ipv6Text.format(raw));
        }
        else if (type == 2 || type == 5 || type == 12)
        {
            final int after = cursor;
            cursor = data;
            final String target = readName();
            cursor = after;
            if (type == 2)
            {
                record.setNs(target);
            }
            else if (type == 5)
            {
                record.setCname(target);
            }
            else
            {
                record.setPtr(target);
            }
        }
        else if (type == 15 && rdLength > 2)
        {
            final int after = cursor;
            cursor = data + 2;
            record.setMx(DNSMX.newBuilder().setPreference(u16(data)).setName(readName()));
            cursor = after;
        }
        else if (type == 16 && rdLength > 0)
        {
            final int n = Math.min(bytes[data] & 0xff, rdLength - 1);
            final String text = new String(bytes, data + 1, n, StandardCharsets.UTF_8);
            record.addTxts(text).setTxt(text);
        }
        return record.build();
    }

    /** A name at the cursor, compression pointers followed (at most 32), advancing past it. */
    private String readName()
    {
        name.setLength(0);
        int position = cursor;
        int after = -1;
        for (int jumps = 0; position < end && jumps < 32; )
        {
            final int label = bytes[position] & 0xff;
            if (label == 0)
            {
                position++;
                break;
            }
            if ((label & 0xc0) == 0xc0)
            {
                if (after < 0)
                {
                    after = position + 2;
                }
                position = start + ((label & 0x3f) << 8 | u8(position + 1));
                jumps++;
                continue;
            }
            if (name.length() > 0)
            {
                name.append('.');
            }
            for (int i = 1; i <= label && position + i < end; i++)
            {
                name.append((char)(bytes[position + i] & 0xff));
            }
            position += label + 1;
        }
        cursor = after >= 0 ? after : position;
        return name.toString();
    }

    private int u8(final int offset)
    {
        return offset < end ? bytes[offset] & 0xff : 0;
    }

    private int u16(final int offset)
    {
        return u8(offset) << 8 | u8(offset + 1);
    }
}
