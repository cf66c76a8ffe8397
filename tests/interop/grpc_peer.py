#!/usr/bin/python3
"""An independent gRPC peer (Python grpcio, C core) calling the gateway's native gRPC port.

Usage: grpc_peer.py HOST:PORT PERSONNUMMER BEARER_TOKEN
Compiles the public protos with grpc_tools, then registers a participant, reads it back, checks
that bad input is INVALID_ARGUMENT with a google.rpc.BadRequest naming the field, and that a
duplicate is ALREADY_EXISTS. Prints one JSON line with what it saw; exits non-zero on any surprise.
"""
import glob
import importlib
import json
import os
import sys
import tempfile
import uuid

import grpc
from grpc_tools import protoc

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def compile_protos(out):
    common = glob.glob(os.path.expanduser("~/.nuget/packages/google.api.commonprotos/*/content/protos"))
    if not common:
        sys.exit("google.api.commonprotos not restored (run dotnet build first)")
    well_known = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    here = os.path.dirname(os.path.abspath(__file__))
    protos = ["finsam/participants/v1/participants.proto", "google/api/annotations.proto",
              "google/api/http.proto", "google/type/date.proto", "rich_status.proto"]
    for proto in protos:
        args = ["protoc", f"-I{ROOT}/protos", f"-I{here}", f"-I{common[0]}", f"-I{well_known}",
                f"--python_out={out}", f"--grpc_python_out={out}", proto]
        if protoc.main(args) != 0:
            sys.exit(f"protoc failed for {proto}")
    # google/ stays a namespace package, so it merges with the system google.protobuf.
    for package in ["finsam", "finsam/participants", "finsam/participants/v1"]:
        open(os.path.join(out, package, "__init__.py"), "a").close()
    sys.path.insert(0, out)


def rich_details(error):
    """The field names of a google.rpc.BadRequest in the grpc-status-details-bin trailer."""
    rich_status = importlib.import_module("rich_status_pb2")
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            status = rich_status.Status.FromString(value)
            for detail in status.details:
                if detail.type_url.endswith("/google.rpc.BadRequest"):
                    bad = rich_status.BadRequest.FromString(detail.value)
                    return [v.field for v in bad.field_violations]
    return None


def main():
    target, personnummer, token = sys.argv[1], sys.argv[2], sys.argv[3]
    auth = (("authorization", "Bearer " + token),)
    with tempfile.TemporaryDirectory() as out:
        compile_protos(out)
        pb = importlib.import_module("finsam.participants.v1.participants_pb2")
        rpc = importlib.import_module("finsam.participants.v1.participants_pb2_grpc")
        with grpc.insecure_channel(target) as channel:
            client = rpc.ParticipantsServiceStub(channel)
            request = pb.RegisterParticipantRequest(
                request_id=str(uuid.uuid4()), personnummer=personnummer,
                given_name="Ingrid", family_name="Python", gender=pb.GENDER_WOMAN)
            created = client.RegisterParticipant(request, timeout=20, metadata=auth)
            read = client.GetParticipant(pb.GetParticipantRequest(participant_id=created.participant_id), timeout=20, metadata=auth)
            try:
                client.RegisterParticipant(pb.RegisterParticipantRequest(
                    personnummer="not-a-number", given_name="X", family_name="Y", gender=pb.GENDER_MAN), timeout=20, metadata=auth)
                sys.exit("bad input was accepted")
            except grpc.RpcError as error:
                invalid = (error.code().name, rich_details(error))
            try:
                client.RegisterParticipant(pb.RegisterParticipantRequest(
                    personnummer=personnummer, given_name="Ingrid", family_name="Python", gender=pb.GENDER_WOMAN), timeout=20, metadata=auth)
                sys.exit("duplicate was accepted")
            except grpc.RpcError as error:
                duplicate = error.code().name
    print(json.dumps({
        "participantId": created.participant_id, "readBack": read.participant_id == created.participant_id,
        "birthYear": read.birth_year, "invalidCode": invalid[0], "invalidFields": invalid[1],
        "duplicateCode": duplicate}))


if __name__ == "__main__":
    main()
