# Sourced by tests that start real servers on loopback: `free_port` prints a free TCP port,
# `wait_port PORT` polls until it accepts connections (up to 10 s), a deadline, not a sleep.
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "port $1 never opened"; return 1
}
# `start_mosquitto DIR`: a mosquitto of its own on a free loopback port (config and log in DIR),
# accepting connections when it returns; sets `port` and `broker` (its pid, for the caller's trap).
start_mosquitto() {
  port=$(free_port)
  printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" > "$1/mosquitto.conf"
  /usr/sbin/mosquitto -c "$1/mosquitto.conf" >"$1/mosquitto.log" 2>&1 &
  broker=$!
  wait_port "$port"
}
